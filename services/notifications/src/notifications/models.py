def load_all_models() -> None:
    """Import every model module so the metadata is complete (migrations, mappers)."""
    import notifications.notice.models
    import notifications.webhook.models  # noqa: F401
