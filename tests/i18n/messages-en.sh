# LANG=C: every program's messages in English (the msgids), whatever
# LANGUAGE says (gettext reads it only under a locale other than C).
unset LC_ALL
LANG=C LANGUAGE=zh_CN
export LANG LANGUAGE
. ./messages.inc
