zhili-cat -V
