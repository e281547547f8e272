from django import forms
from django.conf import settings
from django.db.models import Subquery
from django.utils import timezone

from blog.models import Post

from .models import Pin

# The newest live posts the desk may pin: what a front page draws on.
CHOICES = 60

UNTIL_HELP = f"Optional; times are {settings.TIME_ZONE}. Empty: until the story is unpinned."


class UntilInput(forms.DateTimeInput):
    """The browser's own date and time picker, which needs no script."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class PostChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, post):
        published_at = timezone.localtime(post.published_at)
        return f"{post.headline} ({post.blog.name}, {published_at:%-d %b %H:%M})"


class PinForm(forms.Form):
    post = PostChoiceField(
        queryset=Post.objects.none(),
        label="Story",
        help_text=f"One of the {CHOICES} newest live posts.",
    )
    slot = forms.ChoiceField(
        choices=Pin.Slot.choices,
        initial=Pin.Slot.LEAD,
        widget=forms.RadioSelect,
        label="Pin as",
        help_text="A new lead takes the place of the lead pinned before.",
    )
    pinned_until = forms.DateTimeField(
        required=False, widget=UntilInput, label="Steps down at", help_text=UNTIL_HELP
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read when the form is made: “live” moves with the clock.
        newest = Post.objects.published().latest_first().values("pk")[:CHOICES]
        self.fields["post"].queryset = (
            Post.objects.published()
            .filter(pk__in=Subquery(newest))
            .select_related("blog")
            .latest_first()
        )


class UntilForm(forms.Form):
    pinned_until = forms.DateTimeField(
        required=False, widget=UntilInput, label="Steps down at", help_text=UNTIL_HELP
    )
