# its fields are its own: zhili-cat does not rename them (名字 is an
# alias of hello's resident only; 姓名 is also volunteer-points's title)
sed '1s/姓名/名字/' data/names.csv | zhili-cat
