printf "case_id,status,other\\n1,x,y\\n" | zhili-cat --zh
