"""Publishing the report as pages: one offline static HTML file (:mod:`.static`) or an interactive
page that computes in the browser with no server (:mod:`.interactive`); shared pieces in
:mod:`.common`, the command in :mod:`.command`."""
from .command import publish_cli
from .common import OutputError, PublishError
from .static import publish

__all__ = ["OutputError", "PublishError", "publish", "publish_cli"]
