FROM alpine:3.19   
RUN echo trailing spaces after the command    
ENV KEY=value	
ENV LEGACY some value   
LABEL x=y  
# comment with trailing spaces   
   
	
CMD ["sh"]  
