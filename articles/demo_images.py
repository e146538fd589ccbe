"""Original hero illustrations for the demo stories, drawn with Pillow (no downloads)."""

import io
import random

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1200, 675

# (sky top, sky bottom, far hills, near hills, accent) per section.
PALETTES = {
    "network-news": ("#13294b", "#4f7cac", "#5fb3a1", "#2e8b74", "#f2b134"),
    "policy-funding": ("#3b1f4a", "#b0608c", "#8a6fb3", "#5a3f86", "#ffd27f"),
    "school-stories": ("#0f4c5c", "#7cc6d9", "#8fcf7a", "#3f8f3a", "#ffef8a"),
    "training-events": ("#5a2a0c", "#e08e45", "#c9a66b", "#8b5e34", "#fff3c4"),
}
SCENES = ("sunrise", "school", "books", "balloons")


def _hex(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _gradient(top: str, bottom: str) -> Image.Image:
    top_rgb, bottom_rgb = _hex(top), _hex(bottom)
    column = Image.new("RGB", (1, HEIGHT))
    for y in range(HEIGHT):
        t = y / (HEIGHT - 1)
        column.putpixel(
            (0, y),
            tuple(round(a + (b - a) * t) for a, b in zip(top_rgb, bottom_rgb, strict=True)),
        )
    return column.resize((WIDTH, HEIGHT))


def _hills(draw: ImageDraw.ImageDraw, rng: random.Random, base: int, amplitude: int, fill: str):
    points = [(0, HEIGHT)]
    x = 0
    while x <= WIDTH:
        points.append((x, base - rng.randint(0, amplitude)))
        x += rng.randint(90, 180)
    points += [(WIDTH, base - rng.randint(0, amplitude)), (WIDTH, HEIGHT)]
    draw.polygon(points, fill=fill)


def _scene(draw: ImageDraw.ImageDraw, rng: random.Random, scene: str, accent: str):
    if scene == "sunrise":
        x, y, r = rng.randint(700, 1000), rng.randint(140, 260), rng.randint(60, 95)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=accent)
    elif scene == "school":
        x, y = rng.randint(380, 700), 330
        draw.rectangle((x, y, x + 300, y + 170), fill="#f4efe6")
        draw.polygon([(x - 20, y), (x + 150, y - 90), (x + 320, y)], fill="#9b3d2f")
        for i in range(4):
            wx = x + 25 + i * 70
            draw.rectangle((wx, y + 40, wx + 40, y + 85), fill=accent)
        draw.rectangle((x + 125, y + 105, x + 175, y + 170), fill="#5b3a29")
    elif scene == "books":
        x = rng.randint(300, 600)
        for i in range(7):
            height = rng.randint(150, 230)
            colour = ("#e4572e", "#f2b134", "#2e8b74", "#4f7cac", "#f4efe6")[i % 5]
            draw.rectangle((x + i * 62, 520 - height, x + i * 62 + 52, 520), fill=colour)
        draw.rectangle((x - 30, 520, x + 460, 540), fill="#5b3a29")
    else:  # balloons
        for _ in range(5):
            x, y = rng.randint(200, 1000), rng.randint(110, 330)
            colour = rng.choice(("#e4572e", "#f2b134", "#ffffff", accent))
            draw.line((x, y + 55, x + rng.randint(-20, 20), y + 170), fill="#ffffff", width=2)
            draw.ellipse((x - 40, y - 55, x + 40, y + 55), fill=colour)


def hero_image(index: int, section_slug: str) -> tuple[bytes, str]:
    """Return a JPEG illustration and its alt text for demo story ``index``."""
    rng = random.Random(index)
    sky_top, sky_bottom, far, near, accent = PALETTES.get(section_slug, PALETTES["network-news"])
    scene = SCENES[index % len(SCENES)]
    image = _gradient(sky_top, sky_bottom)
    draw = ImageDraw.Draw(image)
    _hills(draw, rng, base=470, amplitude=140, fill=far)
    _scene(draw, rng, scene, accent)
    _hills(draw, rng, base=600, amplitude=70, fill=near)
    image = image.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    alt = {
        "sunrise": "Illustration: the sun rising over green Pennine hills",
        "school": "Illustration: a school building with a red roof among rolling hills",
        "books": "Illustration: a row of brightly coloured books on a shelf before the hills",
        "balloons": "Illustration: balloons floating above the valley",
    }[scene]
    return buffer.getvalue(), alt
