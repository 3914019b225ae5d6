printf "Case_ID , 办理状态,other\n1,x,y\n" | zhili-cat
