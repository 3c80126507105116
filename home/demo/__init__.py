"""The demo loader: builds each app's `demo_content.toml` and translates it (see README.md)."""
