zhili-cat --nosuch
