"""What every package's permission predicates start from."""


def is_account(user) -> bool:
    """A signed-in account, as opposed to no one or an anonymous visitor."""
    return user is not None and user.is_authenticated
