-- One database per subgraph (each owns its data; npm run migrate creates the tables).
CREATE DATABASE kh02_geography OWNER kh02;
CREATE DATABASE kh02_tasks OWNER kh02;
CREATE DATABASE kh02_readiness OWNER kh02;
