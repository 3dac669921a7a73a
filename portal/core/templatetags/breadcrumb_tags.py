from django import template

from ..routing import ancestors_below_root

register = template.Library()

register.filter("ancestors_below_root", ancestors_below_root)
