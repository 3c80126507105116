"""Images: their renditions are made when the image is saved or a page using it is published,
not on a visitor's first view; pages show them as `<picture>` with AVIF and WebP sources, a
srcset of several widths and `sizes` from home/images.py; a page finds its renditions in a
fixed number of queries whatever the number of images."""

import io
import json
import re

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image, Rendition
from wagtail.images.tests.utils import get_test_image_file

from home.images import (
    CARD_IMAGE,
    CARD_LOGO,
    CONTENT_IMAGE,
    HEADER_LOGO,
    PARTNER_LOGO,
    all_filter_specs,
)
from programs.models import ProgramPartner
from tests.factories import (
    OrganizationPageFactory,
    PartnerInstitutionFactory,
    PartnerProgramPageFactory,
)
from tests.html import main_html
from tests.organizations.news_factories import NewsArticlePageFactory, news_index  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_renditions_cache():
    """Wagtail looks renditions up in this cache first; earlier tests' rows were rolled back."""
    caches["renditions"].clear()
    yield
    caches["renditions"].clear()


def photo(title: str = "Photo", size: tuple[int, int] = (320, 180)) -> Image:
    """A new image (made outside any on-commit capture: no renditions are made for it). Small:
    AVIF takes its time."""
    return Image.objects.create(title=title, file=get_test_image_file(size=size))


def image_blocks(images: list[Image]) -> str:
    return json.dumps(
        [
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": f"{image.title} described"},
            }
            for image in images
        ]
    )


def publish(page, capture) -> None:
    with capture(execute=True):
        page.save_revision().publish()


def specs_made(image: Image) -> set[str]:
    return set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))


@pytest.fixture
def illustrated(organization_index, django_capture_on_commit_callbacks):
    """A published organisation page with a logo and two image blocks."""
    logo, first, second = photo("Logo"), photo("Lecture hall", (900, 500)), photo("Library")
    page = OrganizationPageFactory(parent=organization_index, title="Illustrated")
    page.logo = logo
    page.body = image_blocks([first, second])
    publish(page, django_capture_on_commit_callbacks)
    return page


def test_the_named_sets_ask_for_modern_formats_in_several_widths():
    assert CONTENT_IMAGE.filter_specs == [
        f"format-{fmt}|width-{width}"
        for fmt in ("avif", "webp", "jpeg")
        for width in (400, 800, 1600)
    ]
    # Logos fall back to PNG, which keeps transparency.
    assert "format-png|max-128x128" in CARD_LOGO.filter_specs
    assert len(all_filter_specs()) == len(set(all_filter_specs()))


def test_publishing_makes_every_rendition_of_the_images_the_page_uses(
    organization_index, django_capture_on_commit_callbacks
):
    logo, pictured, unused = photo("Logo"), photo("Pictured"), photo("Unused")
    page = OrganizationPageFactory(parent=organization_index)
    page.logo = logo
    page.body = image_blocks([pictured])
    page.save_revision()
    assert specs_made(logo) == specs_made(pictured) == set()  # a draft: nothing yet

    publish(page, django_capture_on_commit_callbacks)

    assert specs_made(logo) == set(all_filter_specs())
    assert specs_made(pictured) == set(all_filter_specs())
    assert specs_made(unused) == set()


def test_saving_an_image_makes_its_renditions(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = photo("Uploaded", (800, 450))
    assert specs_made(image) == set(all_filter_specs())
    avif = Rendition.objects.get(image=image, filter_spec="format-avif|width-400")
    assert avif.file.name.endswith(".avif") and (avif.width, avif.height) == (400, 225)
    with avif.file.open("rb") as file:
        assert file.read(12)[4:12] == b"ftypavif"


def test_the_page_shows_pictures_with_modern_sources_and_widths(client, illustrated):
    html = main_html(client, illustrated)
    pictures = re.findall(r"<picture>.*?</picture>", html, re.S)
    assert len(pictures) == 3  # the logo and the two image blocks
    header_logo, lecture_hall, library = pictures

    sizes = f'sizes="{CONTENT_IMAGE.sizes}"'
    avif, webp = re.findall(r"<source [^>]*>", lecture_hall)
    assert 'type="image/avif"' in avif and sizes in avif
    assert 'type="image/webp"' in webp and sizes in webp
    for tag in (avif, webp, lecture_hall):
        srcset = re.search(r'srcset="([^"]*)"', tag).group(1)
        # The widest is the original's width: Wagtail never enlarges.
        assert [entry.rsplit(" ", 1)[1] for entry in srcset.split(", ")] == ["400w", "800w", "900w"]
    img = re.search(r"<img [^>]*>", lecture_hall).group(0)
    assert 'alt="Lecture hall described"' in img
    assert 'loading="lazy"' in img and 'decoding="async"' in img and sizes in img
    assert re.search(r'src="[^"]*\.format-jpeg\.width-400\.jpg"', img)
    assert 'alt="Library described"' in library

    # Above the fold: the header logo loads at once, in PNG when the browser takes neither.
    logo_img = re.search(r"<img [^>]*>", header_logo).group(0)
    assert 'alt="Illustrated"' in logo_img and 'class="page-header__logo"' in logo_img
    assert "loading" not in logo_img and f'sizes="{HEADER_LOGO.sizes}"' in logo_img
    assert ".png" in logo_img


def test_a_visit_makes_no_renditions(client, illustrated):
    before = Rendition.objects.count()
    main_html(client, illustrated)
    assert Rendition.objects.count() == before


def rendition_queries(client, page) -> tuple[int, int]:
    """Queries for a visit: in all, and those reading renditions."""
    with CaptureQueriesContext(connection) as queries:
        main_html(client, page)
    sql = [query["sql"] for query in queries.captured_queries]
    return len(sql), sum("wagtailimages_rendition" in statement for statement in sql)


@pytest.mark.parametrize("count", [1, 4])
def test_a_page_reads_its_renditions_in_one_query_whatever_the_number_of_images(
    client, organization_index, django_capture_on_commit_callbacks, count
):
    page = OrganizationPageFactory(parent=organization_index, title="Gallery")
    page.body = image_blocks([photo(f"Photo {n}") for n in range(count)])
    publish(page, django_capture_on_commit_callbacks)
    main_html(client, page)  # warm up: site root paths, content types
    caches["renditions"].clear()  # the blocks' renditions come from the database, at once

    assert rendition_queries(client, page)[1] == 1


def test_one_image_or_four_cost_the_same_queries(
    client, organization_index, django_capture_on_commit_callbacks
):
    counts = []
    for images in (1, 4):
        page = OrganizationPageFactory(parent=organization_index, title=f"{images} images")
        page.logo = photo("Logo")
        page.body = image_blocks([photo(f"Photo {n}") for n in range(images)])
        publish(page, django_capture_on_commit_callbacks)
        main_html(client, page)  # warm up
        counts.append(rendition_queries(client, page)[0])
    assert counts[0] == counts[1]


# Each adds `count` pictures to a listing (a new one when `page` is None) and returns its page.


def add_organisations(request, page, count: int):
    page = page or request.getfixturevalue("organization_index")
    for n in range(count):
        OrganizationPageFactory(parent=page, logo=photo(f"Logo {n}"))
    return page


def add_news(request, page, count: int):
    page = page or request.getfixturevalue("news_index")
    for n in range(count):
        NewsArticlePageFactory(parent=page, image=photo(f"Photo {n}"), image_alt="A photo")
    return page


def add_partners(request, page, count: int):
    page = page or PartnerProgramPageFactory(parent=request.getfixturevalue("program_index"))
    for n in range(count):
        institution = PartnerInstitutionFactory(logo=photo(f"Logo {n}"))
        ProgramPartner.objects.create(page=page, institution=institution, sort_order=n)
    return page


LISTINGS = {
    # builder, the picture's class and sizes
    "organisation logos": (add_organisations, "card__logo", CARD_LOGO.sizes),
    "news cards": (add_news, "card__image", CARD_IMAGE.sizes),
    "partner logos": (add_partners, "partner__logo", PARTNER_LOGO.sizes),
}


@pytest.mark.parametrize("listing", LISTINGS)
def test_a_listing_reads_its_renditions_in_one_query_whatever_its_length(client, request, listing):
    add, css_class, sizes = LISTINGS[listing]
    queries, page = [], None
    for count in (1, 3):  # one picture, then four
        page = add(request, page, count)
        html = main_html(client, page)  # warm up (and the renditions made, as in production)
        caches["renditions"].clear()  # a listing must not need the cache
        queries.append(rendition_queries(client, page))
    assert queries[0] == queries[1]
    assert queries[1][1] == 1

    pictures = [p for p in re.findall(r"<picture>.*?</picture>", html, re.S) if css_class in p]
    assert len(pictures) == 4
    for picture in pictures:
        assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
        img = re.search(r"<img [^>]*>", picture).group(0)
        assert f'class="{css_class}"' in img and 'loading="lazy"' in img
        assert f'sizes="{sizes}"' in img and 'alt=""' in img


def test_the_command_queues_renditions_for_images_saved_before(django_capture_on_commit_callbacks):
    Image.objects.all().delete()  # the demo's: their renditions would take a while
    older = photo("Saved before")
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("make_renditions", stdout=out)
    assert out.getvalue().strip() == "Images queued: 1"
    assert specs_made(older) == set(all_filter_specs())
