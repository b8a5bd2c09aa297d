"""Reading the published record under /<council>/: search, feeds and the meetings calendar."""

urlpatterns: list = []
