FROM alpine:3.19
RUN echo one \  
    && echo two \	
    && echo three \ 	 
    && echo four
ENV A=1 \   
    B=2
