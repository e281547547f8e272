"""The news-day writer of `make bench` (bench/run.py starts it with the benchmark's environment):
saves a draft post every second and, unless --drafts-only, a published post every 5 s, half a
second after a draft save, through the ORM as an editor's save does (post.save(), which bumps
the version and renders the body), until it gets SIGTERM.

With --live POST, it also adds an update to that live post every 5 s (a quarter second
after a draft save), as the live desk does (Update.save(), which renders the body).

It writes one JSON line a save to --log: {"phase", "kind": "draft"|"published"|"update",
"post", "n", "start", "end"} (Unix times around save(), which commits at once in autocommit;
an update's line also has its "update" id), after a {"kind": "ready"} line once Django is set
up and the first save is due half a second later.

    python bench/writer.py --draft ID --published ID --log bench/out/writer.log --phase edits
"""

import argparse
import json
import re
import signal
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SUFFIX = re.compile(r" \((?:draft|news day) edit \d+\)\Z")
BODY_SUFFIX = re.compile(r"\n\nDraft edit \d+\.\Z")


def edit(post, n, kind):
    """Change a post as an editor would: a new headline (and, for a draft, a new last paragraph);
    the marks replace the previous ones, so the post never grows from run to run."""
    post.headline = SUFFIX.sub("", post.headline) + f" ({kind} edit {n})"
    if kind == "draft":
        post.body = BODY_SUFFIX.sub("", post.body) + f"\n\nDraft edit {n}."
    post.save()


def add_update(post_id, n):
    """An update as the live desk publishes one: now, a title and a short Markdown body."""
    from django.utils import timezone

    from live.models import Update

    return Update.objects.create(
        post_id=post_id,
        published_at=timezone.now(),
        title=f"News day update {n}",
        body=f"Crews report progress on the **river defences**, update {n}.",
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--draft", type=int, required=True)
    parser.add_argument("--published", type=int, required=True)
    parser.add_argument("--log", type=Path, required=True)
    parser.add_argument("--phase", default="")
    parser.add_argument("--drafts-only", action="store_true")
    parser.add_argument("--live", type=int, help="a live post to add an update to every 5 s")
    args = parser.parse_args()

    sys.path.insert(0, str(PROJECT))
    import django

    django.setup()
    from blog.models import Post

    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    draft, published = Post.objects.get(pk=args.draft), Post.objects.get(pk=args.published)
    with args.log.open("a") as log:

        def note(**fields):
            log.write(json.dumps({"phase": args.phase, **fields}) + "\n")
            log.flush()

        # The schedule: draft saves at t0, t0 + 1, ...; published saves at t0 + 0.5, t0 + 5.5...
        t0 = time.time() + 0.5
        note(kind="ready", time=time.time())
        # Live updates, with --live, at t0 + 0.25, t0 + 5.25, ...
        schedule = (
            (t0 + i / 4, "draft" if i % 4 == 0 else "published" if i % 4 == 2 else "update")
            for i in range(10**9)
            if i % 4 == 0 or (not args.drafts_only and i % 20 == 2) or (args.live and i % 20 == 1)
        )
        counts = {"draft": 0, "published": 0, "update": 0}
        for due, kind in schedule:
            while not stopping and time.time() < due:
                time.sleep(min(0.05, max(0.0, due - time.time())))
            if stopping:
                break
            counts[kind] += 1
            start = time.time()
            if kind == "update":
                update = add_update(args.live, counts[kind])
                note(kind=kind, post=args.live, update=update.pk, n=counts[kind], start=start,
                     end=time.time())  # fmt: skip
                continue
            post = draft if kind == "draft" else published
            edit(post, counts[kind], "draft" if kind == "draft" else "news day")
            note(kind=kind, post=post.pk, n=counts[kind], start=start, end=time.time())


if __name__ == "__main__":
    main()
