"""Uploads on S3-compatible object storage, when MEDIA_STORAGE_URL is set (newsroom/settings.py,
README "Media on object storage")."""

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage

# What storage raises when it is down or refuses a write, on disk or in a bucket.
STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)


def is_missing(error):
    """Whether a storage error says the file is not there (rather than storage being down)."""
    if isinstance(error, ClientError):
        return error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}
    return isinstance(error, FileNotFoundError)


# Renditions never change at their address (blog.images.rendition_name).
IMMUTABLE = "public, max-age=31536000, immutable"


class MediaStorage(S3Storage):
    """Originals and renditions in one bucket, at public addresses (the media domain when
    MEDIA_URL names one). Renditions are kept a year by browsers and CDNs; names under
    private_prefixes (originals, when NEWSROOM_PRIVATE_ORIGINALS is on) get signed URLs that
    expire, for a bucket whose policy lets the public read renditions/ only."""

    def __init__(self, **settings):
        super().__init__(**settings)
        # An editor waits on these during a save: a few seconds, then the form says why.
        self.client_config = self.client_config.merge(
            Config(
                connect_timeout=5, read_timeout=20, retries={"max_attempts": 3, "mode": "standard"}
            )
        )

    def get_default_settings(self):
        return {**super().get_default_settings(), "private_prefixes": ()}

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        if name.startswith("renditions/"):
            parameters.setdefault("CacheControl", IMMUTABLE)
        return parameters

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not name.startswith(tuple(self.private_prefixes)):
            return super().url(name, parameters, expire, http_method)
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params={**(parameters or {}), "Bucket": self.bucket_name, "Key": name},
            ExpiresIn=expire or self.querystring_expire,
            HttpMethod=http_method,
        )
