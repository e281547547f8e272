from django import forms

from blog.forms import KeptImageInput, SafeImageField, StoresUploadsFirst
from blog.images import make_renditions

from .models import Update

DESK_FIELDS = [
    "title",
    "body",
    "is_key_event",
    "is_pinned",
    "photo",
    "photo_caption",
    "photo_credit",
    "photo_alt",
    "authors",
]


class UpdateForm(StoresUploadsFirst, forms.ModelForm):
    """An update, as the desk adds it and the admin corrects it. The photo is checked like a
    lead image (blog.images.clean_upload), stored with its renditions once every check has
    passed, and kept for the next try when the form goes back with errors."""

    photo = SafeImageField(required=False, widget=KeptImageInput)

    class Meta:
        model = Update
        fields = DESK_FIELDS
        widgets = {
            "title": forms.TextInput(attrs={"size": 60, "autocomplete": "off"}),
            "body": forms.Textarea(attrs={"rows": 5, "cols": 60}),
            "authors": forms.SelectMultiple(attrs={"size": 4}),
        }

    def keep_photo(self):
        self.keep_new_upload("photo")

    def store_uploads(self):
        super().store_uploads()
        if self.instance.photo and "photo" in self.changed_data:
            made = make_renditions(self.instance.photo)
            self.instance.photo_width, self.instance.photo_height = made.width, made.height

    def save(self, commit=True):
        self.delete_kept_upload_on_commit("photo")
        return super().save(commit)


def save_update(form):
    """Save the form's update; pinning it unpins the post's other pinned update (one at a
    time, which live_update_one_pinned_per_post enforces). Call inside a revision."""
    update = form.save(commit=False)
    if update.is_pinned:
        pinned = Update.objects.filter(post=update.post_id, is_pinned=True).exclude(pk=update.pk)
        for other in pinned:
            other.is_pinned = False
            other.save(update_fields=["is_pinned", "updated_at"])
    update.save()
    form.save_m2m()
    return update
