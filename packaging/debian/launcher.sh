#!/bin/sh
# /usr/bin/activation-playground: run the bundled application installed under /opt.
exec /opt/activation-playground/activation-playground "$@"
