# LANGUAGE=zh_CN under C.UTF-8 (no zh_CN locale needed): every program's
# messages in Chinese, from po/zh_CN.po compiled into the build tree.
LANGUAGE=zh_CN
export LANGUAGE
. ./messages.inc
