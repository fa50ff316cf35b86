from django.urls import URLPattern, URLResolver, path

from aandacht.callbacks import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("callbacks/", views.callback_queue, name="callback_queue"),
    path("callbacks/new/", views.callback_new, name="callback_new"),
    path(
        "callbacks/<int:callback_id>/saved/",
        views.callback_saved,
        name="callback_saved",
    ),
    path("callbacks/<int:callback_id>/", views.callback_detail, name="callback_detail"),
    path(
        "callbacks/<int:callback_id>/number/",
        views.callback_number,
        name="callback_number",
    ),
    path(
        "callbacks/<int:callback_id>/outcome/",
        views.callback_outcome,
        name="callback_outcome",
    ),
]
