"""Two-step sign-in: a code from an authenticator app (TOTP, django-otp) after the password.

Optional, for the people ``permissions.may_set_up_two_factor`` allows. Once a person has a
confirmed device, signing in asks for its code before the session is theirs
(``views.account.SignInView``). Wrong codes are slowed by django-otp's own throttling.
"""

from __future__ import annotations

import io
import math
import re
from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"
CODE = re.compile(r"\d{6}")


def confirmed_device(user) -> TOTPDevice | None:
    """The app whose code this person's sign-in asks for, if they set one up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def new_device(user) -> TOTPDevice:
    """The app being set up: one unconfirmed device per person, kept until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def qr_code(device: TOTPDevice) -> SafeString:
    """The device's otpauth:// address as an inline SVG QR code (markup we make ourselves)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    out = io.BytesIO()
    image.save(out)
    svg = out.getvalue().decode()
    svg = svg[svg.index("<svg") :]
    return mark_safe(svg.replace("<svg ", '<svg role="img" aria-label="QR code" ', 1))  # noqa: S308


def key_for_typing(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app by hand."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def check_code(device: TOTPDevice, code: str) -> str | None:
    """None if the code is right; otherwise the message to show by the field."""
    allowed, details = device.verify_is_allowed()
    if not allowed:
        locked_until = (details or {}).get("locked_until") or timezone.now()
        seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
        return (
            f"Too many wrong codes in a row. Wait {seconds} second{pluralize(seconds)}, "
            "then enter the code your app shows."
        )
    if not device.verify_token(code):
        return "The code is not right. Enter the 6-digit code your app shows now."
    return None


@transaction.atomic
def confirm(device: TOTPDevice) -> None:
    """The app gave a right code: it becomes the person's one device."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
