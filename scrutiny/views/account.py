"""A person's own account: signing in (with a code, for those who set up two-step sign-in),
the account page, and setting up an authenticator app."""

from __future__ import annotations

import time

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views import View

from scrutiny import two_factor
from scrutiny.models import User
from scrutiny.permissions import may_set_up_two_factor

from .forms import error_summary

PENDING = "_two_factor_pending"  # the user whose password was right, awaiting the code
PENDING_SECONDS = 300


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6 digits your app shows for this service.",
        max_length=20,
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].replace(" ", "")
        if not two_factor.CODE.fullmatch(code):
            raise forms.ValidationError("Enter the code as 6 digits, like 123456")
        return code


def _safe_next(request, wanted: str) -> str:
    allowed = url_has_allowed_host_and_scheme(
        wanted, {request.get_host()}, require_https=request.is_secure()
    )
    return wanted if allowed else ""


class SignInView(auth_views.LoginView):
    """Django's sign-in (django-axes counts its failures); a person with an authenticator
    app gives its code next, on ``sign_in_code``, before the session is theirs."""

    def form_valid(self, form):
        user = form.get_user()
        if two_factor.confirmed_device(user) is None:
            return super().form_valid(form)
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "at": time.time(),
        }
        query = {"next": self.get_redirect_url()} if self.get_redirect_url() else {}
        return HttpResponseRedirect(
            reverse("sign_in_code") + (f"?{urlencode(query)}" if query else "")
        )


class SignInCodeView(View):
    """The second step: the code from the person's authenticator app."""

    template_name = "registration/sign_in_code.html"

    def pending(self) -> tuple[User, object] | None:
        pending = self.request.session.get(PENDING)
        if not pending or time.time() - pending["at"] > PENDING_SECONDS:
            return None
        user = User.objects.filter(pk=pending["user"], is_active=True).first()
        device = two_factor.confirmed_device(user) if user else None
        return (user, device) if device else None

    def get(self, request):
        if self.pending() is None:
            return HttpResponseRedirect(reverse("login"))
        return self.show(CodeForm())

    def post(self, request):
        found = self.pending()
        if found is None:
            messages.info(request, "Sign in again: the code must follow within 5 minutes.")
            return HttpResponseRedirect(reverse("login"))
        user, device = found
        form = CodeForm(request.POST)
        if form.is_valid():
            problem = two_factor.check_code(device, form.cleaned_data["code"])
            if problem is None:
                backend = request.session.pop(PENDING)["backend"]
                user.otp_device = device  # django-otp records it in the session on login
                login(request, user, backend=backend)
                wanted = _safe_next(request, request.POST.get("next", ""))
                return HttpResponseRedirect(wanted or reverse(settings.LOGIN_REDIRECT_URL))
            form.add_error("code", problem)
        return self.show(form)

    def show(self, form):
        context = {
            "form": form,
            "errors": error_summary(form),
            "next": _safe_next(self.request, self.request.GET.get("next", "")),
        }
        return render(self.request, self.template_name, context)


def admin_sign_in(request, extra_context=None):
    """The Django admin's own sign-in would skip the code: it sends people to ours."""
    return redirect_to_login(
        _safe_next(request, request.GET.get("next", "")) or reverse("admin:index"),
        reverse("login"),
    )


class AccountView(LoginRequiredMixin, View):
    """The person's own account: their password, and two-step sign-in if they may have it."""

    public = False

    def get(self, request):
        context = {
            "may_set_up_two_factor": may_set_up_two_factor(request.user),
            "has_two_factor": two_factor.confirmed_device(request.user) is not None,
        }
        return render(request, "registration/account.html", context)


class TwoFactorSetupView(LoginRequiredMixin, View):
    """Set up an authenticator app: scan the QR code (or type the key), then confirm with a
    code it shows. Setting up again replaces the app once the new one is confirmed."""

    template_name = "registration/two_factor_setup.html"
    public = False
    site_permission = staticmethod(may_set_up_two_factor)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not may_set_up_two_factor(request.user):
            raise PermissionDenied("Two-step sign-in is for clerks and council administrators.")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.show(CodeForm())

    def post(self, request):
        device = two_factor.new_device(request.user)
        form = CodeForm(request.POST)
        if form.is_valid():
            problem = two_factor.check_code(device, form.cleaned_data["code"])
            if problem is None:
                two_factor.confirm(device)
                messages.success(
                    request,
                    "Two-step sign-in is on. From now on you will be asked for a code from "
                    "your app after your password.",
                )
                return HttpResponseRedirect(reverse("account"))
            form.add_error("code", problem)
        return self.show(form)

    def show(self, form):
        device = two_factor.new_device(self.request.user)
        context = {
            "form": form,
            "errors": error_summary(form),
            "qr_code": two_factor.qr_code(device),
            "key": two_factor.key_for_typing(device),
            "has_two_factor": two_factor.confirmed_device(self.request.user) is not None,
        }
        return render(self.request, self.template_name, context)
