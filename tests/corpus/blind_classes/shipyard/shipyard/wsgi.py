# shapes: no SDK: the WSGI entry point imports the app and the routes module so the workflow routes are registered; nothing here is a finding
from shipyard.app import app
import shipyard.routes  # noqa: F401,E402  (registers the workflow routes)

application = app
