"""The ground floor the domain apps stand on: what every one of them uses, importing none of them."""
