#!/bin/sh
# Starts GreenMail standalone with the options from the environment (see the Dockerfile).
echo "Executing 'java $JAVA_OPTS $GREENMAIL_OPTS $GREENMAIL_ADDITIONAL_OPTS -jar greenmail-standalone.jar' ..."
# shellcheck disable=SC2086  # the *_OPTS variables hold several words
exec java $JAVA_OPTS $GREENMAIL_OPTS $GREENMAIL_ADDITIONAL_OPTS -jar /home/greenmail/greenmail-standalone.jar
