""""Only my organisation's objects", written once.

An organisation's people work in the admin through one of its two groups
(``OrganisationAccess.editors`` or ``.coordinators``). A model whose rows
belong to an organisation describes its narrowing as an ``OrganisationScope``:
the role, and the lookup from a row to its organisation. Its permission
policy (``OwnOrganisationPolicy``), views (``OwnOrganisationObjectMixin``),
choosers (``OwnOrganisationChooserMixin``), bulk actions
(``OwnOrganisationBulkActionMixin``), listings, exports, counts and forms all
narrow through that scope, so a view added later cannot forget it. Another
organisation's object is then a 404, exactly like an id that never existed.
"""

from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import get_object_or_404
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import OrganisationAccess, OrganisationPage

EDITORS = "editors"
COORDINATORS = "coordinators"


def is_superuser(user):
    return user.is_superuser


class OrganisationScope:
    """Who sees which organisations' rows, for one role.

    ``to_organisation`` is the lookup from a row to its organisation page;
    ``sees_all`` says who keeps every organisation's rows (superusers unless
    told otherwise).
    """

    def __init__(self, role, to_organisation="organisation", sees_all=is_superuser):
        if role not in (EDITORS, COORDINATORS):
            raise ValueError(f"{role!r} is not one of an organisation's groups")
        self.role = role
        self.to_organisation = to_organisation
        self.sees_all = sees_all

    def organisations(self, user):
        """The organisations whose rows this user keeps."""
        if not (user.is_authenticated and user.is_active):
            return OrganisationPage.objects.none()
        if self.sees_all(user):
            return OrganisationPage.objects.all()
        return OrganisationPage.objects.filter(**{f"access__{self.role}__user": user})

    def narrow(self, queryset, user):
        """The rows of ``queryset`` this user keeps; every scoped query ends here."""
        if not (user.is_authenticated and user.is_active):
            return queryset.none()
        if self.sees_all(user):
            return queryset
        return queryset.filter(
            **{f"{self.to_organisation}__in": self.organisations(user).values("pk")}
        )

    def admits(self, user):
        """Whether this user keeps any organisation's rows at all (menus, panels)."""
        if not (user.is_authenticated and user.is_active):
            return False
        if self.sees_all(user):
            return True
        # Asked once per menu item, panel and bulk-selected row: remember it for the request.
        remembered = user.__dict__.setdefault("_organisation_roles", {})
        if self.role not in remembered:
            remembered[self.role] = self.organisations(user).exists()
        return remembered[self.role]

    def organisation_of(self, instance):
        for attribute in self.to_organisation.split("__"):
            instance = getattr(instance, attribute)
        return instance

    def role_groups(self, organisation=None):
        """The groups of this role: of one organisation, or of all."""
        access = OrganisationAccess.objects.all()
        if organisation is not None:
            access = access.filter(organisation=organisation)
        return access.values(self.role)


class OwnOrganisationPolicy(BasePermissionPolicy):
    """A permission policy that keeps each organisation's rows to its own people.

    ``actions`` are what the role's people may do to their organisations' rows
    and ``all_seeing_actions`` what those who see all may do to any row; ``None``
    allows every action. Lists of users name superusers and the role's people.
    """

    def __init__(self, model, scope, actions=None, all_seeing_actions=None):
        super().__init__(model)
        self.scope = scope
        self.actions = actions
        self.all_seeing_actions = all_seeing_actions

    @staticmethod
    def _allows(allowed, actions):
        return allowed is None or bool(set(actions) & set(allowed))

    def user_has_permission(self, user, action):
        return self.user_has_any_permission(user, [action])

    def user_has_any_permission(self, user, actions):
        if not (user.is_authenticated and user.is_active):
            return False
        if self.scope.sees_all(user):
            return self._allows(self.all_seeing_actions, actions)
        return self._allows(self.actions, actions) and self.scope.admits(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        visible = self.instances_user_has_any_permission_for(user, actions)
        return visible.filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.scope.narrow(self.model._default_manager.all(), user)

    def users_with_any_permission(self, actions):
        return self._users(actions, self.scope.role_groups())

    def users_with_any_permission_for_instance(self, actions, instance):
        return self._users(actions, self.scope.role_groups(self.scope.organisation_of(instance)))

    def _users(self, actions, role_groups):
        allowed = Q()
        if self._allows(self.all_seeing_actions, actions):
            allowed |= Q(is_superuser=True)
        if self._allows(self.actions, actions):
            allowed |= Q(groups__in=role_groups)
        users = get_user_model().objects.filter(is_active=True)
        return users.filter(allowed).distinct() if allowed else users.none()


# The models kept to their own organisation's people, by model; the isolation tests walk these.
_POLICIES = {}


def register_own_organisation_policy(policy):
    register_permission_policy(policy.model, policy, exact_class=True)
    _POLICIES[policy.model] = policy


def scope_of(model):
    return _POLICIES[model].scope


def scoped_models():
    return list(_POLICIES)


def visible_to(user, model):
    """Every row of ``model`` this user keeps."""
    return scope_of(model).narrow(model._default_manager.all(), user)


class OwnOrganisationObjectMixin:
    """For a view of one object (``self.model``): another organisation's id is a 404."""

    pk_url_kwarg = "pk"

    def get_object(self, queryset=None):
        # An inspect view loads its object before Wagtail asks for it again.
        if getattr(self, "object", None) is not None:
            return self.object
        pk = unquote(str(self.kwargs[self.pk_url_kwarg]))
        return get_object_or_404(visible_to(self.request.user, self.model), pk=pk)


class OwnOrganisationChooserMixin:
    """For a chooser's views: lists, chosen and chosen-multiple see the user's rows only."""

    def get_object_list(self):
        return scope_of(self.model_class).narrow(super().get_object_list(), self.request.user)

    def get_object(self, pk):
        return visible_to(self.request.user, self.model_class).get(pk=pk)

    def get_objects(self, pks):
        return visible_to(self.request.user, self.model_class).filter(pk__in=pks)


class OwnOrganisationBulkActionMixin:
    """For a bulk action: ids of another organisation's rows are silently left out."""

    def get_all_objects_in_listing_query(self, parent_id):
        return visible_to(self.request.user, self.model).values_list("pk", flat=True)

    def get_actionable_objects(self):
        requested = self.request.GET.getlist("id")
        if "all" in requested:
            ids = self.get_all_objects_in_listing_query(None)
        else:
            ids = [pk for pk in requested if pk.isdigit()]
        visible = visible_to(self.request.user, self.model).filter(pk__in=ids)
        objects = [obj for obj in visible if self.check_perm(obj)]
        return objects, {"items_with_no_access": []}
