"""Who may act for an organisation."""


def can_act_for(user, organisation) -> bool:
    """A member may propose and comment on behalf of the organisation they belong to."""
    if user is None or not user.is_authenticated or organisation is None:
        return False
    return any(m.organisation_id == organisation.id for m in user.organisation_memberships)
