from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from blog.models import Post

from . import desk
from .forms import PinForm, UntilForm
from .lineup import lineup
from .models import Pin


@admin.register(Pin)
class PinAdmin(admin.ModelAdmin):
    """The front page desk: the pins' list is a page that shows what is in the banner, what
    leads and the top stories in order, with forms (no script needed) to pin, reorder, change
    when a story steps down and unpin. Editors who may publish (blog.publish_post) only."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.has_perm("blog.publish_post")

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    # Pins are made and changed on the desk page only, through frontpage.desk.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        pinning = request.method == "POST" and request.POST.get("action") == "pin"
        form = PinForm(request.POST if pinning else None)
        if request.method == "POST":
            if not pinning:
                return self.change_pin(request)
            if form.is_valid():
                data = form.cleaned_data
                slot = Pin.Slot(data["slot"]).label.lower()
                return self.act(
                    request,
                    f"Pinned “{data['post'].headline}” as {slot}.",
                    desk.pin,
                    data["post"],
                    data["slot"],
                    data["pinned_until"],
                    by=request.user,
                )
        return TemplateResponse(
            request,
            "admin/frontpage/desk.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": "Front page desk",
                "form": form,
                **self.front_page(),
            },
        )

    def front_page(self):
        """What readers see at the top of the home page now, and the pins behind it."""
        banner = Post.objects.published().breaking().select_related("blog").first()
        newest = Post.objects.published().latest_first().values_list("pk", flat=True)[:2]
        lead, top_stories, _ = lineup(list(newest), banner)
        pins = list(Pin.objects.holding().in_order().select_related("post__blog", "pinned_by"))
        shown = {post.pk for post in top_stories} | {lead.pk if lead else None}
        for pin in pins:
            pin.is_shown = pin.post_id in shown
            pin.until_form = UntilForm(
                initial={"pinned_until": pin.pinned_until}, prefix=f"pin-{pin.pk}"
            )
        flagged = Post.objects.published().filter(is_breaking=True).latest_first()
        return {
            "banner": banner,
            # The newest flagged post, whose time ran out: it keeps older flags out.
            "banner_ran_out": None if banner else flagged.select_related("blog").first(),
            "lead": lead and lead.post,
            "lead_pin": next((pin for pin in pins if pin.slot == Pin.Slot.LEAD), None),
            "top_pins": [pin for pin in pins if pin.slot == Pin.Slot.TOP],
        }

    def change_pin(self, request):
        pin = get_object_or_404(Pin.objects.select_related("post"), pk=request.POST.get("pin"))
        headline = pin.post.headline
        action = request.POST.get("action")
        if action == "unpin":
            return self.act(request, f"Unpinned “{headline}”.", desk.unpin, pin)
        if action in ("up", "down"):
            step = -1 if action == "up" else 1
            return self.act(request, f"Moved “{headline}” {action}.", desk.move, pin, step)
        form = UntilForm(request.POST, prefix=f"pin-{pin.pk}")
        if action == "until" and form.is_valid():
            until = form.cleaned_data["pinned_until"]
            message = (
                f"“{headline}” now steps down at the time set."
                if until
                else (f"“{headline}” now stays until it is unpinned.")
            )
            return self.act(request, message, desk.change_until, pin, until)
        messages.error(request, "That time could not be read; nothing was changed.")
        return redirect(request.path)

    def act(self, request, message, action, *args, **kwargs):
        try:
            action(*args, **kwargs)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, message)
        return redirect(request.path)
