from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from blog.models import Post


class PinQuerySet(models.QuerySet):
    def holding(self):
        """Pins whose “pinned until” time has not passed. A pin holds whatever its post's
        state; the home page shows only those of published posts (Post.objects.published()),
        so a pinned post taken down or unpublished steps down by itself."""
        now = timezone.now()
        return self.filter(Q(pinned_until__isnull=True) | Q(pinned_until__gt=now))

    def ran_out(self):
        """Pins whose “pinned until” time has passed: nothing shows them any more."""
        return self.filter(pinned_until__lte=timezone.now())

    def in_order(self):
        """The lead first, then the top stories in the desk's order."""
        return self.order_by("slot", "position", "pk")


class Pin(models.Model):
    """A story the desk put on the front page: as its lead or among its top stories."""

    class Slot(models.TextChoices):
        # Sorted by value, the lead comes first (PinQuerySet.in_order).
        LEAD = "lead", "Lead"
        TOP = "top", "Top story"

    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="pin")
    slot = models.CharField(max_length=4, choices=Slot)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order among the top stories, from 0 at the top."
    )
    pinned_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The story steps down by itself at this time and the newest posts fill "
        "its place. Leave empty to keep it until it is unpinned.",
    )
    pinned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pins",
    )
    pinned_at = models.DateTimeField(default=timezone.now)

    objects = PinQuerySet.as_manager()

    class Meta:
        ordering = ["slot", "position", "pk"]
        # The admin's list of pins is the front page desk.
        verbose_name_plural = "desk"
        constraints = [
            models.UniqueConstraint(
                fields=["slot"], condition=Q(slot="lead"), name="frontpage_pin_one_lead"
            ),
            models.CheckConstraint(
                condition=Q(slot__in=["lead", "top"]), name="frontpage_pin_slot_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_slot_display()}: {self.post}"

    @property
    def is_holding(self):
        # Keep in step with PinQuerySet.holding().
        return self.pinned_until is None or self.pinned_until > timezone.now()
