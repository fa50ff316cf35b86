from django.urls import path

from aandacht.roster.planning import views

urlpatterns = [
    path("months/<int:roster_id>/plan/", views.roster_planning, name="roster_planning"),
    path(
        "months/<int:roster_id>/runs/", views.roster_run_start, name="roster_run_start"
    ),
    path("runs/<int:run_id>/", views.roster_run, name="roster_run"),
    path("runs/<int:run_id>/use/", views.roster_run_adopt, name="roster_run_adopt"),
    path(
        "months/<int:roster_id>/publish/", views.roster_publish, name="roster_publish"
    ),
    path(
        "months/<int:roster_id>/shifts/<int:assignment_id>/remove/",
        views.roster_assignment_remove,
        name="roster_assignment_remove",
    ),
    path(
        "months/<int:roster_id>/shifts/add/",
        views.roster_assignment_add,
        name="roster_assignment_add",
    ),
    path("mine/", views.roster_mine, name="roster_mine"),
    path("feed/<str:token>.ics", views.roster_feed, name="roster_feed"),
    path(
        "mine/feed/<int:register_id>/renew/",
        views.roster_feed_renew,
        name="roster_feed_renew",
    ),
]
