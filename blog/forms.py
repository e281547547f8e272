import logging

from django import forms
from django.contrib.admin.widgets import AdminFileWidget, AdminTextareaWidget
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.urls import reverse, reverse_lazy
from django.utils import formats, timezone
from django.utils.html import format_html
from taggit.forms import TagWidget

from .history import differences, post_snapshot, version_numbered, version_snapshot
from .images import (
    KeptUpload,
    clean_upload,
    delete_images,
    keep_upload,
    kept_upload,
    make_lead_image_renditions,
    make_renditions,
)
from .models import Photo, Post
from .operations import check_schedule_time
from .storage import STORAGE_ERRORS

logger = logging.getLogger(__name__)


# What the post form's buttons do (PostAdminForm.submit_buttons()). Save draft and Update are
# sent as the admin's "_continue", so the admin stays on the page after them.
DRAFT, SUBMIT, PUBLISH, SCHEDULE, UPDATE = "draft", "submit", "publish", "schedule", "update"
ACT_STATUSES = {
    DRAFT: Post.Status.DRAFT,
    SUBMIT: Post.Status.SUBMITTED,
    PUBLISH: Post.Status.PUBLISHED,
    SCHEDULE: Post.Status.PUBLISHED,
}


def pressed(data):
    """The act of the button pressed on the post form; None for Update (or a form sent
    without a button), where the status field decides."""
    for name, act in (
        ("_publish", PUBLISH),
        ("_schedule", SCHEDULE),
        ("_submit_for_review", SUBMIT),
    ):
        if name in data:
            return act
    return DRAFT if data.get("_continue") == DRAFT else None


class SafeImageField(forms.ImageField):
    """An image upload checked by its content and stored without metadata (see
    blog.images.clean_upload); the reason for a refusal is the form error."""

    def to_python(self, data):
        if isinstance(data, KeptUpload):
            # Checked and cleaned when it was uploaded.
            return data.open()
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        return clean_upload(upload)

    def bound_data(self, data, initial):
        # A form sent back shows the upload it keeps (KeptImageInput), else the saved image.
        return data if isinstance(data, KeptUpload) else initial


class KeptImageInput(AdminFileWidget):
    """A file input that holds on to an upload when its form comes back with errors: the page
    carries the kept file's signed token (PostAdminForm.keep_lead_image), and the next save
    uses the kept file unless a new one is chosen, it is discarded or the image cleared."""

    def value_from_datadict(self, data, files, name):
        upload = super().value_from_datadict(data, files, name)
        if upload is not None or data.get(f"{name}-discard"):
            return upload
        return kept_upload(data.get(f"{name}-kept"))

    def value_omitted_from_data(self, data, files, name):
        return super().value_omitted_from_data(data, files, name) and f"{name}-kept" not in data

    def render(self, name, value, attrs=None, renderer=None):
        if not isinstance(value, KeptUpload):
            return super().render(name, value, attrs, renderer)
        return format_html(
            '<div class="kept-upload"><input type="hidden" name="{name}-kept" value="{token}">'
            '<img src="{address}" alt="" width="320" data-focus-picker>'
            "<p><strong>Not saved yet:</strong> {filename}. It is saved with the post; choose "
            "another file to replace it.</p>"
            '<p><input type="checkbox" name="{name}-discard" id="{name}-discard">'
            '<label for="{name}-discard">Discard this photo</label></p>{input}</div>',
            name=name,
            token=value.token,
            address=reverse("admin:blog_post_kept_upload", args=[value.token]),
            filename=value.filename,
            input=super().render(name, None, attrs, renderer),
        )


class StoresUploadsFirst:
    """A model form that stores its new uploads once every check has passed, before the row
    is saved: when storage is down the form comes back with a message and all that was typed,
    instead of an error page. When the row is not saved after all (an inline's error sends
    the page back), discard_stored_uploads() deletes what was stored."""

    stored_uploads = ()

    def _post_clean(self):
        super()._post_clean()
        if self._errors:
            return
        try:
            self.store_uploads()
        except STORAGE_ERRORS:
            logger.exception("Storing the uploads of a %s failed", self.instance._meta.label)
            self.add_error(
                None,
                ValidationError(
                    "The photo store did not answer, so nothing was saved. Everything you "
                    "typed is still in the form below: save again in a minute.",
                    code="storage_unavailable",
                ),
            )

    def store_uploads(self):
        self.stored_uploads = []
        for field in self.instance._meta.concrete_fields:
            if isinstance(field, models.FileField):
                file = getattr(self.instance, field.attname)
                if file and not file._committed:
                    file.save(file.name, file.file, save=False)
                    self.stored_uploads.append(file.name)

    def keep_new_upload(self, name):
        """When the form goes back with errors, keep the new upload of field name that passed
        its checks, for the next save (KeptImageInput): browsers never send a file twice."""
        upload = getattr(self, "cleaned_data", {}).get(name)
        if not isinstance(upload, UploadedFile):
            return
        name = self.add_prefix(name)
        self.data = self.data.copy()
        self.data[f"{name}-kept"] = keep_upload(upload).token
        self.files = self.files.copy()
        self.files.pop(name, None)

    def delete_kept_upload_on_commit(self, name):
        """The row stores its own copy of a kept upload; the kept one goes once it commits."""
        kept = self[name].data if name in self.fields else None
        if isinstance(kept, KeptUpload):
            transaction.on_commit(kept.delete)

    def discard_stored_uploads(self):
        """Delete the uploads (and renditions) stored for a save that did not happen: the
        page going back keeps its own copy for the next try (PostAdminForm.keep_lead_image)."""
        if self.stored_uploads:
            delete_images(self.stored_uploads)
            self.stored_uploads = ()


class AuthorAdminForm(StoresUploadsFirst, forms.ModelForm):
    pass


class PhotoForm(StoresUploadsFirst, forms.ModelForm):
    """A photo of the library (blog.models.Photo): checked like a lead image, stored with its
    renditions once every check has passed, and kept for the next try when the form goes back
    with errors."""

    image = SafeImageField(widget=KeptImageInput)

    class Meta:
        model = Photo
        fields = ["image", "caption", "credit", "alt"]

    def store_uploads(self):
        super().store_uploads()
        if "image" in self.changed_data:
            made = make_renditions(self.instance.image)
            self.instance.width, self.instance.height = made.width, made.height

    def save(self, commit=True):
        self.delete_kept_upload_on_commit("image")
        return super().save(commit)


class BylineForm(forms.ModelForm):
    """A row of the byline. post.js copies into `typed` what was typed in the author box and
    not chosen from the suggestions (they may not have loaded yet), so a row whose typed name
    is not its author's is refused rather than saved under the name the box still shows."""

    typed = forms.CharField(
        required=False, widget=forms.HiddenInput(attrs={"data-byline-typed": ""})
    )

    def clean(self):
        cleaned_data = super().clean()
        typed = " ".join(cleaned_data.get("typed", "").split())
        author = cleaned_data.get("author")
        if typed and author and not typed_names(typed, author.name):
            raise ValidationError(
                "You typed “%(typed)s” but did not choose it from the suggestions, so the "
                "byline still says “%(author)s”. Choose the author from the list, or clear "
                "what you typed.",
                code="byline_not_chosen",
                params={"typed": typed, "author": author.name},
            )
        return cleaned_data


def typed_names(typed, name):
    """Whether typed text picks out this name, as the author search does (post.js has the
    same rule): every word typed is found in the name."""
    return all(word in name.casefold() for word in typed.casefold().split())


class PostAdminForm(StoresUploadsFirst, forms.ModelForm):
    """The post form in the admin (PostAdmin gives it its model and fields), with optimistic
    locking: it carries the post's version from when it was opened, and refuses to save
    over a newer one."""

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Set by PostAdmin when the database row is not the one to compare with (a restore).
    current_version = None

    class Meta:
        widgets = {
            "standfirst": AdminTextareaWidget(attrs={"rows": 3}),
            # post.js shows the Markdown as readers will see it, beside the text.
            "body": AdminTextareaWidget(
                attrs={
                    "rows": 30,
                    "data-preview-url": reverse_lazy("admin:blog_post_markdown_preview"),
                }
            ),
            # post.js offers existing tags as the editor types.
            "tags": TagWidget(
                attrs={
                    "class": "vTextField",
                    "autocomplete": "off",
                    "data-suggestions-url": reverse_lazy("admin:blog_post_tag_suggestions"),
                }
            ),
            "lead_image": KeptImageInput,
        }
        help_texts = {
            "tags": "Separate tags with commas: “Kestrel Bay, Floods” is two tags. Existing "
            "tags are suggested as you type.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The version this form shows; a bound form that matches it has not changed it.
            self.initial["opened_version"] = (
                self.instance.version if self.current_version is None else self.current_version
            )
        if "body" in self.fields:
            # The admin shows help text as HTML.
            self.fields["body"].help_text = format_html(
                '{} A photo: its code from the <a href="{}" target="_blank">photo '
                "library</a> (opens in a new tab), such as “[photo 12]”, on a line of its "
                "own. The sign-off “— {}” is added at the end by itself, unless the last line "
                "is a sign-off of your own: a line starting with “—” or “--”, such as "
                "“— Callum Reid, Kestrel Bay”. A dashed line under a quote is its source.",
                self.fields["body"].help_text,
                reverse("admin:blog_photo_changelist"),
                (self.instance.pk and self.instance.byline) or "Ann Smith",
            )

    def apply_requested_status(self, cleaned_data):
        """Set the status (and publication time) the button pressed asks for (pressed())."""
        act = pressed(self.data)
        status = ACT_STATUSES.get(act)
        if status is None or "status" not in self.fields:
            return
        if status not in dict(self.fields["status"].choices):
            raise ValidationError(
                "Only editors publish posts; submit this one for review.", code="cannot_publish"
            )
        cleaned_data["status"] = status
        if status != Post.Status.PUBLISHED or "published_at" not in self.fields:
            return
        when = cleaned_data.get("published_at")
        if act == SCHEDULE:
            try:
                check_schedule_time(when)
            except ValidationError as error:
                if "published_at" not in self.errors:
                    self.add_error(None, error)
        elif when and when > timezone.now():
            # Never lift an embargo by accident.
            self.add_error(
                "published_at",
                "“Publish now” publishes at once. Clear this time to publish now, or press "
                "“Schedule…” to publish the post at this time.",
            )
        elif not self.instance.is_published:
            cleaned_data["published_at"] = timezone.now()

    def submit_buttons(self, editor):
        """The buttons of admin/blog/post/submit_line.html, as (label, name, value), the
        first one the default that Enter presses. They follow the saved post, not the one in
        the form, which may hold a status it could not save."""
        saved = Post.objects.filter(pk=self.instance.pk).values_list("status", flat=True)
        status = (saved.first() if self.instance.pk else None) or Post.Status.DRAFT
        if status == Post.Status.PUBLISHED:
            # Live, scheduled or taken down: Update keeps the time unless it is changed.
            return [("Update", "_continue", UPDATE)]
        if status == Post.Status.SUBMITTED:
            # Enter saves a fix and leaves the post in the review queue.
            keep = [("Save", "_continue", UPDATE)]
            back = [("Back to draft", "_continue", DRAFT)]
            publish = [("Publish now", "_publish", PUBLISH), ("Schedule…", "_schedule", SCHEDULE)]
            return keep + (publish if editor else []) + back
        if editor:
            return [
                ("Save draft", "_continue", DRAFT),
                ("Publish now", "_publish", PUBLISH),
                ("Schedule…", "_schedule", SCHEDULE),
            ]
        return [
            ("Save draft", "_continue", DRAFT),
            ("Submit for review", "_submit_for_review", SUBMIT),
        ]

    def keep_lead_image(self):
        """When the form goes back with errors (its own or the byline's), keep a new lead image
        that passed its checks for the next save: browsers never send a file twice."""
        self.keep_new_upload("lead_image")

    def store_uploads(self):
        """The lead image's renditions are made with it (and again for a new focal point)."""
        super().store_uploads()
        focus_fields = {"lead_image", "lead_image_focus_x", "lead_image_focus_y"}
        if self.instance.lead_image and focus_fields & set(self.changed_data):
            make_lead_image_renditions(self.instance)

    def save(self, commit=True):
        self.delete_kept_upload_on_commit("lead_image")
        return super().save(commit)

    def latest_version(self):
        if self.current_version is not None:
            return self.current_version
        # Locked until the admin's transaction ends, so no one saves in between.
        return (
            Post.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )

    def clean(self):
        cleaned_data = super().clean()
        self.apply_requested_status(cleaned_data)
        if not self.instance.pk:
            return cleaned_data
        opened = cleaned_data.get("opened_version")
        latest = self.latest_version()
        if opened == latest:
            return cleaned_data
        # Keep everything typed; the next save goes over the version shown in the message.
        self.data = self.data.copy()
        self.data[self.add_prefix("opened_version")] = latest
        raise ValidationError(self.conflict_messages(opened), code="edit_conflict")

    def conflict_messages(self, opened):
        version = version_numbered(self.instance, opened) if opened is not None else None
        saved = version_numbered(self.instance, self.instance.version)
        who = ""
        if saved:
            when = formats.date_format(timezone.localtime(saved.revision.date_created), "H:i")
            user = saved.revision.user
            who = f" ({user.get_username() if user else 'someone'} at {when})"
        lines = [
            f"Someone else saved this post while you were editing it{who}. Nothing you typed "
            "is lost: it is still in the form below, but it is not saved yet. Merge the "
            "changes by hand, then save again."
        ]
        if version:
            lines += [
                f"Changed meanwhile: {label}, now “{now}” (was “{before}”)."
                for label, before, now in differences(
                    version_snapshot(version), post_snapshot(self.instance)
                )
            ]
        else:
            saved_values = post_snapshot(self.instance)
            lines += [
                f"The saved {label} differs from yours: “{saved_values[label]}”."
                for label in (
                    str(Post._meta.get_field(name).verbose_name)
                    for name in self.changed_data
                    if name != "opened_version"
                )
                if label in saved_values
            ]
        return [line if len(line) < 600 else f"{line[:600]}…”" for line in lines]
