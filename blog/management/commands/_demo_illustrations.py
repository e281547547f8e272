"""Lead images for the demo content: simple scenes drawn with Pillow, each kind with the words
that say what it shows, and no two alike (colours and shapes follow a seed)."""

import math
import random
from io import BytesIO

from PIL import Image, ImageDraw

SIZE = (1600, 900)
CREDIT = "Newsroom demo illustration"


def _gradient(draw, size, top, bottom, start=0, end=None):
    width, height = size
    end = height if end is None else end
    for y in range(start, end):
        mix = (y - start) / max(1, end - start - 1)
        colour = tuple(round(t + (b - t) * mix) for t, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)


def _shade(colour, factor):
    return tuple(max(0, min(255, round(channel * factor))) for channel in colour)


def skyline(draw, rng, size):
    width, height = size
    _gradient(draw, size, (40, 30, 90), (245, 150, 90))
    ground = height - 90
    x = -20
    while x < width:
        building_width = rng.randint(70, 170)
        top = rng.randint(260, ground - 120)
        colour = _shade((28, 24, 48), rng.uniform(0.8, 1.3))
        draw.rectangle([x, top, x + building_width, height], fill=colour)
        for wy in range(top + 25, ground - 10, 42):
            for wx in range(x + 14, x + building_width - 24, 32):
                if rng.random() < 0.45:
                    draw.rectangle([wx, wy, wx + 14, wy + 20], fill=(255, 214, 120))
        x += building_width + rng.randint(4, 18)
    draw.rectangle([0, ground, width, height], fill=(18, 16, 30))


def sea(draw, rng, size):
    width, height = size
    horizon = rng.randint(400, 520)
    _gradient(draw, size, (120, 170, 220), (250, 215, 170), 0, horizon)
    sun_x, radius = rng.randint(300, width - 300), rng.randint(60, 100)
    draw.ellipse(
        [sun_x - radius, horizon - radius, sun_x + radius, horizon + radius], fill=(255, 190, 90)
    )
    _gradient(draw, size, (40, 110, 150), (10, 45, 80), horizon, height)
    for y in range(horizon + 18, height, 26):
        for _ in range(10):
            x = rng.randint(0, width)
            length = rng.randint(40, 160)
            draw.line([(x, y), (x + length, y)], fill=(150, 200, 225), width=3)


def storm(draw, rng, size):
    width, height = size
    horizon = rng.randint(480, 560)
    _gradient(draw, size, (55, 60, 70), (135, 140, 150), 0, horizon)
    for _ in range(14):
        x, y = rng.randint(-100, width), rng.randint(40, horizon - 200)
        w, h = rng.randint(250, 500), rng.randint(80, 150)
        draw.ellipse([x, y, x + w, y + h], fill=_shade((70, 74, 84), rng.uniform(0.8, 1.1)))
    _gradient(draw, size, (70, 90, 100), (30, 42, 50), horizon, height)
    for y in range(horizon + 10, height, 34):
        phase = rng.uniform(0, math.tau)
        points = [(x, y + 14 * math.sin(x / 60 + phase)) for x in range(0, width + 20, 20)]
        draw.line(points, fill=(200, 210, 215), width=4)


def chart(draw, rng, size):
    width, height = size
    background = rng.choice([(244, 241, 232), (232, 240, 246), (240, 236, 246)])
    draw.rectangle([0, 0, width, height], fill=background)
    left, right, top, bottom = 160, width - 120, 120, height - 120
    for y in range(top, bottom + 1, (bottom - top) // 5):
        draw.line([(left, y), (right, y)], fill=(200, 200, 200), width=2)
    bars = rng.randint(6, 10)
    step = (right - left) / bars
    bar_colour = rng.choice([(40, 100, 170), (20, 130, 110), (180, 60, 50)])
    value = rng.uniform(0.2, 0.4)
    tops = []
    for index in range(bars):
        value = min(0.95, max(0.1, value + rng.uniform(-0.08, 0.16)))
        x0 = left + index * step + step * 0.18
        y0 = bottom - value * (bottom - top)
        draw.rectangle([x0, y0, x0 + step * 0.64, bottom], fill=bar_colour)
        tops.append((x0 + step * 0.32, y0 - 40))
    draw.line(tops, fill=(30, 30, 30), width=6)
    for x, y in tops:
        draw.ellipse([x - 10, y - 10, x + 10, y + 10], fill=(30, 30, 30))
    draw.line([(left, bottom), (right, bottom)], fill=(60, 60, 60), width=4)


def street_map(draw, rng, size):
    width, height = size
    draw.rectangle([0, 0, width, height], fill=(238, 232, 214))
    for _ in range(8):
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.rectangle(
            [x, y, x + rng.randint(120, 300), y + rng.randint(80, 200)], fill=(200, 225, 180)
        )
    for x in range(rng.randint(40, 120), width, rng.randint(150, 220)):
        draw.line([(x, 0), (x + rng.randint(-80, 80), height)], fill=(255, 255, 255), width=14)
    for y in range(rng.randint(40, 100), height, rng.randint(140, 200)):
        draw.line([(0, y), (width, y + rng.randint(-60, 60))], fill=(255, 255, 255), width=14)
    phase = rng.uniform(0, math.tau)
    river = [
        (x, height * 0.55 + 120 * math.sin(x / 260 + phase)) for x in range(-20, width + 40, 20)
    ]
    draw.line(river, fill=(110, 170, 215), width=46)
    pin_x, pin_y = rng.randint(400, width - 400), rng.randint(250, height - 250)
    draw.polygon(
        [(pin_x - 34, pin_y - 60), (pin_x + 34, pin_y - 60), (pin_x, pin_y)], fill=(190, 30, 45)
    )
    draw.ellipse([pin_x - 42, pin_y - 120, pin_x + 42, pin_y - 36], fill=(190, 30, 45))
    draw.ellipse([pin_x - 16, pin_y - 94, pin_x + 16, pin_y - 62], fill=(255, 255, 255))


def hills(draw, rng, size):
    width, height = size
    top = tuple(rng.randint(60, 140) for _ in range(3))
    _gradient(draw, size, top, (230, 230, 210))
    sun_x, sun_y, radius = (
        rng.randint(200, width - 200),
        rng.randint(100, 300),
        rng.randint(50, 100),
    )
    draw.ellipse(
        [sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius], fill=(255, 236, 170)
    )
    for layer in range(3):
        base = height * (0.55 + 0.13 * layer)
        points = [(0, height)] + [
            (x, base + 50 * math.sin(x / rng.randint(180, 320)) + rng.randint(-15, 15))
            for x in range(0, width + 40, 40)
        ]
        points.append((width, height))
        draw.polygon(points, fill=(40 + 20 * layer, 100 + 30 * layer, 50 + 10 * layer))


def turbines(draw, rng, size):
    width, height = size
    _gradient(draw, size, (110, 170, 225), (215, 235, 245))
    hill = [(0, height)] + [
        (x, height * 0.72 + 40 * math.sin(x / 300)) for x in range(0, width + 40, 40)
    ]
    draw.polygon([*hill, (width, height)], fill=(90, 150, 80))
    for index in range(3):
        x = width * (0.25 + 0.25 * index) + rng.randint(-60, 60)
        base = height * 0.72 + 40 * math.sin(x / 300)
        hub = base - rng.randint(330, 420)
        draw.line([(x, base), (x, hub)], fill=(245, 245, 245), width=14)
        angle = rng.uniform(0, math.tau)
        for blade in range(3):
            a = angle + blade * math.tau / 3
            tip = (x + 170 * math.cos(a), hub + 170 * math.sin(a))
            draw.line([(x, hub), tip], fill=(250, 250, 250), width=12)
        draw.ellipse([x - 14, hub - 14, x + 14, hub + 14], fill=(220, 220, 220))


def network(draw, rng, size):
    width, height = size
    _gradient(draw, size, (12, 24, 60), (20, 60, 110))
    nodes = [(rng.randint(60, width - 60), rng.randint(60, height - 60)) for _ in range(34)]
    for index, (x, y) in enumerate(nodes):
        for ox, oy in nodes[index + 1 :]:
            if math.dist((x, y), (ox, oy)) < 330:
                draw.line([(x, y), (ox, oy)], fill=(70, 140, 200), width=3)
    accent = rng.choice([(120, 230, 255), (255, 200, 90), (150, 255, 170)])
    for x, y in nodes:
        radius = rng.randint(8, 18)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=accent)


def columns(draw, rng, size):
    width, height = size
    sky = (rng.randint(60, 120), rng.randint(120, 170), rng.randint(190, 230))
    _gradient(draw, size, sky, (200, 225, 240))
    stone = rng.choice([(226, 218, 200), (210, 205, 195), (235, 225, 210)])
    inset = rng.randint(220, 380)
    left, right = inset, width - inset
    roof, base = rng.randint(230, 300), height - 150
    draw.polygon([(left - 40, roof), (right + 40, roof), (width / 2, roof - 150)], fill=stone)
    draw.rectangle([left - 40, roof, right + 40, roof + 50], fill=_shade(stone, 0.9))
    count = rng.choice([6, 8])
    step = (right - left) / (count - 1)
    for index in range(count):
        x = left + index * step
        draw.rectangle([x - 26, roof + 50, x + 26, base], fill=stone)
        draw.rectangle([x - 34, base - 20, x + 34, base], fill=_shade(stone, 0.85))
    for step_index in range(3):
        inset = 60 - 20 * step_index
        y = base + 45 * step_index
        draw.rectangle(
            [left - inset - 60, y, right + inset + 60, y + 45],
            fill=_shade(stone, 0.8 - 0.05 * step_index),
        )
    pole = width / 2
    draw.line([(pole, roof - 150), (pole, roof - 290)], fill=(60, 60, 60), width=6)
    draw.rectangle(
        [pole, roof - 290, pole + 110, roof - 220], fill=rng.choice([(190, 30, 45), (30, 80, 160)])
    )


def stage(draw, rng, size):
    width, height = size
    draw.rectangle([0, 0, width, height], fill=(25, 18, 22))
    floor = height - 220
    draw.polygon(
        [(0, height), (width, height), (width - 160, floor), (160, floor)], fill=(110, 70, 40)
    )
    centre = rng.randint(600, width - 600)
    draw.polygon(
        [
            (centre - 60, 0),
            (centre + 60, 0),
            (centre + 320, floor + 60),
            (centre - 320, floor + 60),
        ],
        fill=(80, 70, 60),
    )
    draw.ellipse([centre - 320, floor + 10, centre + 320, floor + 110], fill=(250, 230, 170))
    curtain = rng.choice([(150, 20, 30), (120, 20, 60), (30, 60, 120)])
    for side in (0, 1):
        x0 = 0 if side == 0 else width - 330
        for fold in range(6):
            draw.rectangle(
                [x0 + fold * 55, 0, x0 + fold * 55 + 55, height],
                fill=_shade(curtain, 0.75 + 0.1 * (fold % 3)),
            )
    draw.rectangle([0, 0, width, 90], fill=_shade(curtain, 0.85))


def books(draw, rng, size):
    width, height = size
    draw.rectangle([0, 0, width, height], fill=(236, 228, 214))
    for shelf_y in (420, 860):
        draw.rectangle([0, shelf_y, width, shelf_y + 40], fill=(120, 80, 50))
        x = 40
        while x < width - 60:
            spine = rng.randint(40, 90)
            tall = rng.randint(250, 360)
            colour = rng.choice(
                [
                    (150, 40, 40),
                    (40, 80, 140),
                    (40, 110, 80),
                    (200, 150, 40),
                    (90, 60, 120),
                    (30, 30, 30),
                ]
            )
            draw.rectangle([x, shelf_y - tall, x + spine, shelf_y], fill=colour)
            draw.rectangle(
                [x + 8, shelf_y - tall + 30, x + spine - 8, shelf_y - tall + 40],
                fill=(235, 215, 160),
            )
            x += spine + rng.randint(2, 8)


# kind -> (what it shows, for the alt text and the caption; how to draw it)
ILLUSTRATIONS = {
    "skyline": ("a stylised city skyline at dusk, with lit windows", skyline),
    "sea": ("a calm sea and its horizon under a low sun", sea),
    "storm": ("dark storm clouds over a rough grey sea", storm),
    "chart": ("a bar chart with a trend line across its bars", chart),
    "map": ("a map-like grid of streets with a river and a marker pin", street_map),
    "hills": ("layered green hills under a pale sun", hills),
    "turbines": ("three wind turbines on a green hillside", turbines),
    "network": ("a network of connected dots on a dark blue background", network),
    "columns": ("a columned public building with steps and a flag", columns),
    "stage": ("an empty stage with curtains and a spotlight", stage),
    "books": ("rows of coloured book spines on two shelves", books),
}


def illustration(kind):
    """(alt text, caption) of an illustration kind; the credit, CREDIT, follows the caption."""
    shows = ILLUSTRATIONS[kind][0]
    return f"Illustration: {shows}", f"{shows[0].upper()}{shows[1:]}."


def illustration_bytes(kind, seed):
    """A JPEG of the kind, its colours and shapes varied by the seed."""
    image = Image.new("RGB", SIZE)
    ILLUSTRATIONS[kind][1](ImageDraw.Draw(image), random.Random(seed), SIZE)
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()
