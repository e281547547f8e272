"""What the desk does to the front page: pin a story as the lead or a top story, move a top
story up or down, change when a pin runs out, unpin. The desk page calls these; so can a
command or a test. Each is one transaction, so readers' pages drop once."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from .models import Pin

MAX_TOP_STORIES = 6


@transaction.atomic
def pin(post, slot, until=None, by=None):
    """Pin post as the lead (in place of the lead pinned before) or as the last top story. A
    post already pinned moves to the new slot; pins that have run out are cleared away."""
    if not post.is_published:
        raise ValidationError("Only a published post can be pinned to the front page.")
    check_until(until)
    Pin.objects.ran_out().delete()
    Pin.objects.filter(post=post).delete()
    if slot == Pin.Slot.LEAD:
        Pin.objects.filter(slot=Pin.Slot.LEAD).delete()
        position = 0
    else:
        tops = Pin.objects.filter(slot=Pin.Slot.TOP)
        if tops.count() >= MAX_TOP_STORIES:
            raise ValidationError(
                f"The front page holds {MAX_TOP_STORIES} top stories at most; unpin one first."
            )
        last = tops.aggregate(last=Max("position"))["last"]
        position = 0 if last is None else last + 1
    try:
        with transaction.atomic():
            return Pin.objects.create(
                post=post, slot=slot, position=position, pinned_until=until, pinned_by=by
            )
    except IntegrityError:  # another editor pinned a lead or this post at the same moment
        raise ValidationError(
            "Another editor changed the front page at the same moment; look again and retry."
        ) from None


@transaction.atomic
def move(pin_to_move, step):
    """Move a top story step places up (negative) or down (positive) among the top stories."""
    if pin_to_move.slot != Pin.Slot.TOP:
        raise ValidationError("Only top stories have an order to move in.")
    tops = list(Pin.objects.filter(slot=Pin.Slot.TOP).in_order())
    index = next(index for index, top in enumerate(tops) if top.pk == pin_to_move.pk)
    tops.insert(max(0, index + step), tops.pop(index))
    renumber(tops)


def change_until(pin_to_change, until):
    """Set when a pin runs out (None: never)."""
    check_until(until)
    pin_to_change.pinned_until = until
    pin_to_change.save(update_fields=["pinned_until"])


@transaction.atomic
def unpin(pin_to_remove):
    pin_to_remove.delete()
    renumber(list(Pin.objects.filter(slot=Pin.Slot.TOP).in_order()))


def renumber(tops):
    for position, top in enumerate(tops):
        top.position = position
    Pin.objects.bulk_update(tops, ["position"])


def check_until(until):
    if until is not None and until <= timezone.now():
        raise ValidationError("The time the story steps down must be in the future.")
