"""beltlib.images: a drawn figure as deterministic PNG bytes, SVG text and a data URI."""
import base64
import io

import pytest
from matplotlib.figure import Figure
from PIL import Image

from beltlib.images import data_uri_png, png_bytes, svg_text


def small_figure() -> Figure:
    fig = Figure(figsize=(2.0, 1.0), dpi=100)
    ax = fig.add_subplot()
    ax.plot([0, 1], [0, 1], color="#009E73")
    ax.set_title("déjà 1,5 h")
    return fig


def test_png_is_the_same_bytes_for_the_same_figure_without_software_metadata():
    first, second = png_bytes(small_figure()), png_bytes(small_figure())
    assert first == second
    image = Image.open(io.BytesIO(first))
    assert image.format == "PNG" and image.size == (200, 100)
    assert "Software" not in image.info


def test_png_at_twice_the_dpi_has_twice_the_pixels():
    assert Image.open(io.BytesIO(png_bytes(small_figure(), dpi=200))).size == (400, 200)


def test_palette_png_holds_at_most_the_colours_asked_and_is_smaller():
    full, palette = png_bytes(small_figure()), png_bytes(small_figure(), colors=16)
    image = Image.open(io.BytesIO(palette))
    assert image.mode == "P" and len(image.getcolors()) <= 16
    assert len(palette) < len(full)


def test_svg_is_deterministic_with_text_kept_as_text_and_no_date():
    first, second = svg_text(small_figure()), svg_text(small_figure())
    assert first == second
    assert "déjà 1,5 h" in first and "<dc:date>" not in first


def test_data_uri_round_trips_the_bytes():
    png = png_bytes(small_figure())
    uri = data_uri_png(png)
    assert uri.startswith("data:image/png;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]) == png
    with pytest.raises(TypeError):
        data_uri_png("not bytes")  # type: ignore[arg-type]
