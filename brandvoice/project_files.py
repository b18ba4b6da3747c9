"""A project's configuration files, without the configuration's model: the resident server's thin
client reads one key (`server:`) from them and must stay light (the model is in `config`)."""

CONFIG_FILES = (".brandvoice.yaml", ".brandvoice.yml")
PYPROJECT = "pyproject.toml"
SERVER_MODES = ("auto", "manual", "off")


def server_mode_of(value: object) -> object:
    """`server: auto|manual|off`; YAML reads a bare `off` as false and `on` as true. Anything
    else is returned as it is (the configuration's validation names it)."""
    if isinstance(value, bool):
        return "auto" if value else "off"
    return value
