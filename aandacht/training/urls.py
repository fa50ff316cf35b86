from django.urls import path

from aandacht.training import views

urlpatterns = [
    path("training/mine/", views.my_training, name="training_mine"),
    path("training/sessions/", views.session_list, name="training_sessions"),
    path("training/sessions/new/", views.session_new, name="training_session_new"),
    path(
        "training/sessions/<int:session_id>/",
        views.session_change,
        name="training_session_change",
    ),
    path("training/regions/", views.overview_regions, name="training_regions"),
    path("training/regions/<slug:code>/", views.overview, name="training_overview"),
    path(
        "training/regions/<slug:code>/export/",
        views.overview_export,
        name="training_export",
    ),
]
