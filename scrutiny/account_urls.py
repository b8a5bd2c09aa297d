"""/accounts/: Django's sign-in, password and reset pages (our templates), the sign-in code
step, the account page and setting up an authenticator app."""

from django.contrib.auth import urls as auth_urls
from django.urls import path

from .views.account import AccountView, SignInCodeView, SignInView, TwoFactorSetupView

urlpatterns = [
    path("", AccountView.as_view(), name="account"),
    path("login/", SignInView.as_view(), name="login"),
    path("login/code/", SignInCodeView.as_view(), name="sign_in_code"),
    path("two-step/", TwoFactorSetupView.as_view(), name="two_factor_setup"),
    *(pattern for pattern in auth_urls.urlpatterns if pattern.name != "login"),
]
