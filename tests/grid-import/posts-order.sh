grid-import --check data/posts-order.csv | cut -f 2,3,7,8
