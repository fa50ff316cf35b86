from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from aandacht.core import views, views_auth, views_tokens
from aandacht.core.middleware import two_factor_exempt

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views_auth.login_view, name="login"),
    path("login/code/", views_auth.login_verify, name="login_verify"),
    path("logout/", views_auth.logout_view, name="logout"),
    path("account/", views.account, name="account"),
    path(
        "account/two-factor/",
        views_auth.two_factor_setup,
        name="two_factor_setup",
    ),
    path(
        "account/password/",
        views_auth.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "account/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password-reset/",
        two_factor_exempt(views_auth.PasswordResetView.as_view()),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        two_factor_exempt(auth_views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        two_factor_exempt(views_auth.password_reset_confirm_view),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        two_factor_exempt(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
    path("account/api-tokens/", views_tokens.api_tokens, name="api_tokens"),
    path(
        "account/api-tokens/<int:pk>/revoke/",
        views_tokens.api_token_revoke,
        name="api_token_revoke",
    ),
    path("teams/", views.team_regions, name="team_regions"),
    path("regions/<slug:code>/team/", views.region_team, name="region_team"),
    path(
        "regions/<slug:code>/team/<int:member_id>/unlock/",
        views.member_unlock,
        name="member_unlock",
    ),
    path("audit/", views.audit_log, name="audit_log"),
    path("", include("aandacht.contacts.urls")),
    path("", include("aandacht.guidance.urls")),
    path("", include("aandacht.callers.urls")),
    path("", include("aandacht.roster.urls")),
    path("", include("aandacht.training.urls")),
    path("", include("aandacht.socialmap.urls")),
    path("", include("aandacht.callbacks.urls")),
    path("", include("aandacht.insights.urls")),
    path("api/hsds/", include("aandacht.socialmap.api.urls")),
    path("api/v1/", include("aandacht.contacts.api")),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path(f"{settings.ADMIN_URL}", admin.site.urls),
]
