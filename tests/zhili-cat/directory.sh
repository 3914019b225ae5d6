zhili-cat data
