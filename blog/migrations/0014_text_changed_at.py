import django.utils.timezone
from django.db import migrations, models
from django.db.models import F


def from_updated_at(apps, schema_editor):
    """Until now any save moved “Updated”: the last save is the best guess at the last change
    of the text."""
    apps.get_model("blog", "Post").objects.update(text_changed_at=F("updated_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0013_stored_lead_image_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="post",
            name="text_changed_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                editable=False,
                help_text="When what readers read last changed: the headline, standfirst, "
                "body or lead image, or a correction added. The post's “Updated” time; other "
                "saves (the breaking flag, tags, times) leave it alone.",
                verbose_name="text last changed",
            ),
        ),
        migrations.RunPython(from_updated_at, migrations.RunPython.noop),
    ]
