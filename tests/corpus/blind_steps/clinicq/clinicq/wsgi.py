# shapes: no SDK; the WSGI entry point imports the app and the flows module for its registrations
from clinicq.web import app
from clinicq import flows  # noqa: F401

application = app
