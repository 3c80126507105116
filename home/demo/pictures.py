"""Placeholder pictures drawn with Pillow: the demo ships no image files."""

import colorsys
import hashlib

from PIL import Image, ImageDraw, ImageFont


def _colour(seed: str) -> tuple[int, int, int]:
    # A stable, fairly dark colour per name, so white initials stay readable.
    hue = int(hashlib.sha1(seed.encode()).hexdigest()[:4], 16) / 0xFFFF
    red, green, blue = colorsys.hls_to_rgb(hue, 0.38, 0.55)
    return int(red * 255), int(green * 255), int(blue * 255)


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow built without FreeType: fixed-size bitmap font
        return ImageFont.load_default()


def logo_picture(initials: str, seed: str | None = None, size: int = 240) -> Image.Image:
    """A square placeholder logo: the initials in white on a colour derived from the name."""
    picture = Image.new("RGB", (size, size), _colour(seed or initials))
    draw = ImageDraw.Draw(picture)
    font = _font(size // (3 if len(initials) <= 4 else 5))
    draw.text((size / 2, size / 2), initials, fill="white", font=font, anchor="mm")
    return picture


def banner_picture(labels: list[str], width: int = 1200, height: int = 400) -> Image.Image:
    """A banner of coloured bands, one per label (e.g. IFMSA's five regions)."""
    picture = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(picture)
    band = width / max(len(labels), 1)
    font = _font(height // 12)
    for position, label in enumerate(labels):
        left = round(position * band)
        draw.rectangle([left, 0, round(left + band), height], fill=_colour(label))
        centre = (left + band / 2, height / 2)
        draw.multiline_text(centre, label, fill="white", font=font, anchor="mm", align="center")
    return picture
