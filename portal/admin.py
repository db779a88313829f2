from django.contrib import admin

from portal.models import Goal, Indicator, Target, Theme


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["code", "short_title", "updated_at"]
    search_fields = ["code", "title", "short_title"]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["code", "goal", "title"]
    list_filter = ["goal"]
    search_fields = ["code", "title"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "target", "unsd_code"]
    search_fields = ["code", "title", "unsd_code"]
    autocomplete_fields = ["target"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "scheme", "status", "updated_at"]
    list_filter = ["scheme", "status"]
    search_fields = ["name", "code", "description"]
    prepopulated_fields = {"slug": ["name"]}
