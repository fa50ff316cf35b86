from django.urls import path

from aandacht.callers import views, views_call

urlpatterns = [
    path("callers/lookup/<slug:code>/", views_call.caller_lookup, name="caller_lookup"),
    path("callers/banner/<slug:code>/", views_call.caller_banner, name="caller_banner"),
    path("callers/", views.profile_list, name="profile_list"),
    path("callers/new/", views.profile_new, name="profile_new"),
    path("callers/<int:profile_id>/", views.profile_detail, name="profile_detail"),
    path("callers/<int:profile_id>/edit/", views.profile_edit, name="profile_edit"),
    path("callers/<int:profile_id>/limit/", views.limit_new, name="limit_new"),
    path("callers/<int:profile_id>/merge/", views.profile_merge, name="profile_merge"),
]
