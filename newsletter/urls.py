from django.urls import path

from newsletter import views

app_name = "newsletter"

urlpatterns = [
    path("news/weekly-update/", views.index, name="index"),
    path("news/weekly-update/subscribe/", views.subscribe, name="subscribe"),
    path("news/weekly-update/subscribe/sent/", views.subscribe_sent, name="subscribe-sent"),
    path("news/weekly-update/confirm/<str:token>/", views.confirm, name="confirm"),
    path("news/weekly-update/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("news/weekly-update/<str:week_of>/", views.issue, name="issue"),
    path("members/weekly-update/", views.member_preference, name="member-preference"),
]
