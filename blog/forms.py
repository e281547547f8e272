from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone

from .history import differences, post_snapshot, version_numbered, version_snapshot
from .images import clean_upload
from .models import Post


class SafeImageField(forms.ImageField):
    """An image upload checked by its content and stored without metadata (see
    blog.images.clean_upload); the reason for a refusal is the form error."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        return clean_upload(upload)


class PostAdminForm(forms.ModelForm):
    """The post form in the admin (PostAdmin gives it its model and fields), with optimistic
    locking: it carries the post's version from when it was opened, and refuses to save
    over a newer one."""

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Set by PostAdmin when the database row is not the one to compare with (a restore).
    current_version = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The version this form shows; a bound form that matches it has not changed it.
            self.initial["opened_version"] = (
                self.instance.version if self.current_version is None else self.current_version
            )

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
