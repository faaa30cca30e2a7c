from django import template

register = template.Library()


@register.filter
def minutes(duration) -> int:
    """A timedelta as whole minutes (rounded up), for messages such as the lockout notice."""
    if not duration:
        return 0
    return -(-int(duration.total_seconds()) // 60)


@register.filter
def tr(obj, field: str) -> str:
    """The reader's-language value of a three-language field: {{ kind|tr:"name" }}."""
    from ips.i18n import translated

    return translated(obj, field)
