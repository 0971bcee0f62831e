func 0: params=1 locals=0 results=1 frame=4
180 bytes of machine code, 0 of them data; 4 of 4 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push r13
      0003  push r14
      0005  push r15
      0007  sub rsp, 0x08
      000b  mov rbx, rdi
      000e  mov r15, rsi
      0011  mov r14, rcx
      0014  mov r13, r8
      0017  jmp rdx
      0019  mov rdx, rbx
      001c  add rsp, 0x08
      0020  pop r15
      0022  pop r14
      0024  pop r13
      0026  pop rbx
      0027  ret
   0: op_const32_si s2 i0x5
      0028  mov eax, 0x05
      002d  mov [rbx+0x10], rax
   4: op_struct_set_4_ssi s0 s2 i0x8
      0031  mov rax, [rbx]
      0034  test rax, rax
      0037  jz 0x0099
      003d  mov edx, [rbx+0x10]
      0040  mov [rax+0x18], edx
   9: op_struct_get_i64_ssi s0 s0 i0x0
      0043  mov rax, [rbx]
      0046  test rax, rax
      0049  jz 0x00a2
      004f  mov rax, [rax+0x10]
      0053  mov [rbx], rax
  14: op_return
      0056  mov rdi, r15
      0059  mov rax, <return_compiled>
      0063  call rax
      0065  test rax, rax
      0068  jz 0x00ab
      006e  mov rcx, [r15+0x28]
      0072  mov rbx, [rcx+0x08]
      0076  mov r13, rdx
      0079  mov rcx, [r15+0x20]
      007d  test rcx, rcx
      0080  jz 0x008e
      0086  mov r14, [rcx]
      0089  jmp 0x0091
      008e  xor r14d, r14d
      0091  jmp rax
out of line (hand-overs):
      0093  lea rax, [r13+0x40]  ; hand over at @16
      0097  jmp 0x0019
      0099  lea rax, [r13+0x10]  ; hand over at @4
      009d  jmp 0x0019
      00a2  lea rax, [r13+0x24]  ; hand over at @9
      00a6  jmp 0x0019
      00ab  lea rax, [r13+0x38]  ; hand over at @14
      00af  jmp 0x0019

func 1: params=2 locals=0 results=1 frame=5
200 bytes of machine code, 2 of them data; 4 of 4 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push r13
      0003  push r14
      0005  push r15
      0007  sub rsp, 0x08
      000b  mov rbx, rdi
      000e  mov r15, rsi
      0011  mov r14, rcx
      0014  mov r13, r8
      0017  jmp rdx
      0019  mov rdx, rbx
      001c  add rsp, 0x08
      0020  pop r15
      0022  pop r14
      0024  pop r13
      0026  pop rbx
      0027  ret
   0: op_array_get_i16_s_sss s2 s0 s1
      0028  mov rax, [rbx]
      002b  test rax, rax
      002e  jz 0x00ab
      0034  mov ecx, [rbx+0x08]
      0037  cmp ecx, [rax+0x08]
      003a  jnb 0x00ab
      0040  movsx eax, word ptr [rax+rcx*2+0x10]
      0045  mov [rbx+0x10], rax
   5: op_array_len_ss s3 s0
      0049  mov rax, [rbx]
      004c  test rax, rax
      004f  jz 0x00b4
      0055  mov eax, [rax+0x08]
      0058  mov [rbx+0x18], rax
   9: op_i32_add_sss s0 s2 s3
      005c  mov eax, [rbx+0x10]
      005f  add eax, [rbx+0x18]
      0062  mov [rbx], rax
  14: op_return
      0065  mov rdi, r15
      0068  mov rax, <return_compiled>
      0072  call rax
      0074  test rax, rax
      0077  jz 0x00bd
      007d  mov rcx, [r15+0x28]
      0081  mov rbx, [rcx+0x08]
      0085  mov r13, rdx
      0088  mov rcx, [r15+0x20]
      008c  test rcx, rcx
      008f  jz 0x009d
      0095  mov r14, [rcx]
      0098  jmp 0x00a0
      009d  xor r14d, r14d
      00a0  jmp rax
out of line (hand-overs):
      00a2  lea rax, [r13+0x40]  ; hand over at @16
      00a6  jmp 0x0019
      00ab  lea rax, [r13]  ; hand over at @0
      00af  jmp 0x0019
      00b4  lea rax, [r13+0x14]  ; hand over at @5
      00b8  jmp 0x0019
      00bd  lea rax, [r13+0x38]  ; hand over at @14
      00c1  jmp 0x0019
data: 2 bytes (branch tables, padding)

func 2: params=1 locals=0 results=1 frame=3
200 bytes of machine code, 0 of them data; 4 of 4 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push r13
      0003  push r14
      0005  push r15
      0007  sub rsp, 0x08
      000b  mov rbx, rdi
      000e  mov r15, rsi
      0011  mov r14, rcx
      0014  mov r13, r8
      0017  jmp rdx
      0019  mov rdx, rbx
      001c  add rsp, 0x08
      0020  pop r15
      0022  pop r14
      0024  pop r13
      0026  pop rbx
      0027  ret
   0: op_memory_grow_ss s1 s0
      0028  mov rdi, r15
      002b  mov rsi, rbx
      002e  lea rdx, [r13]
      0032  mov rax, <memory_grow>
      003c  call rax
      003e  test al, al
      0040  jz 0x00bb
      0046  mov rcx, [r15+0x20]
      004a  xor r14d, r14d
      004d  test rcx, rcx
      0050  jz 0x0059
      0056  mov r14, [rcx]
   4: op_const32_si s1 i0x10
      0059  mov eax, 0x10
      005e  mov [rbx+0x08], rax
   8: op_i32_load_sso s0 s1 +0
      0062  mov eax, [rbx+0x08]
      0065  mov eax, [r14+rax*1]
      0069  mov [rbx], rax
  13: op_return
      006c  mov rdi, r15
      006f  mov rax, <return_compiled>
      0079  call rax
      007b  test rax, rax
      007e  jz 0x00b2
      0084  mov rcx, [r15+0x28]
      0088  mov rbx, [rcx+0x08]
      008c  mov r13, rdx
      008f  mov rcx, [r15+0x20]
      0093  test rcx, rcx
      0096  jz 0x00a4
      009c  mov r14, [rcx]
      009f  jmp 0x00a7
      00a4  xor r14d, r14d
      00a7  jmp rax
out of line (hand-overs):
      00a9  lea rax, [r13+0x3C]  ; hand over at @15
      00ad  jmp 0x0019
      00b2  lea rax, [r13+0x34]  ; hand over at @13
      00b6  jmp 0x0019
      00bb  mov rax, [r15+0x08]
      00bf  mov rax, [rax+0x70]
      00c3  jmp 0x0019

func 3: params=1 locals=0 results=1 frame=3
168 bytes of machine code, 1 of them data; 2 of 2 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push r13
      0003  push r14
      0005  push r15
      0007  sub rsp, 0x08
      000b  mov rbx, rdi
      000e  mov r15, rsi
      0011  mov r14, rcx
      0014  mov r13, r8
      0017  jmp rdx
      0019  mov rdx, rbx
      001c  add rsp, 0x08
      0020  pop r15
      0022  pop r14
      0024  pop r13
      0026  pop rbx
      0027  ret
   0: op_i32_load16_u_ssxI s0 s0 #1 I0x4
      0028  mov rax, [r15+0x18]
      002c  mov rax, [rax+0x48]
      0030  mov rax, [rax+0x08]
      0034  mov ecx, [rbx]
      0036  add rcx, 0x04
      003a  lea rdx, [rcx+0x02]
      003e  cmp rdx, [rax+0x08]
      0042  jnbe 0x0095
      0048  mov rax, [rax]
      004b  movzx eax, word ptr [rax+rcx*1]
      004f  mov [rbx], rax
   7: op_return
      0052  mov rdi, r15
      0055  mov rax, <return_compiled>
      005f  call rax
      0061  test rax, rax
      0064  jz 0x009e
      006a  mov rcx, [r15+0x28]
      006e  mov rbx, [rcx+0x08]
      0072  mov r13, rdx
      0075  mov rcx, [r15+0x20]
      0079  test rcx, rcx
      007c  jz 0x008a
      0082  mov r14, [rcx]
      0085  jmp 0x008d
      008a  xor r14d, r14d
      008d  jmp rax
out of line (hand-overs):
      008f  lea rax, [r13+0x24]  ; hand over at @9
      0093  jmp 0x0019
      0095  lea rax, [r13]  ; hand over at @0
      0099  jmp 0x0019
      009e  lea rax, [r13+0x1C]  ; hand over at @7
      00a2  jmp 0x0019
data: 1 bytes (branch tables, padding)

func 4: params=1 locals=0 results=1 frame=3
176 bytes of machine code, 3 of them data; 3 of 3 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push r13
      0003  push r14
      0005  push r15
      0007  sub rsp, 0x08
      000b  mov rbx, rdi
      000e  mov r15, rsi
      0011  mov r14, rcx
      0014  mov r13, r8
      0017  jmp rdx
      0019  mov rdx, rbx
      001c  add rsp, 0x08
      0020  pop r15
      0022  pop r14
      0024  pop r13
      0026  pop rbx
      0027  ret
   0: op_table_get_sxs s1 #0 s0
      0028  mov rdi, r15
      002b  mov rsi, rbx
      002e  lea rdx, [r13]
      0032  mov rax, <table_get<uint32_t>>
      003c  call rax
      003e  test al, al
      0040  jz 0x00a0
   5: op_ref_is_null_ss s0 s1
      0046  cmp qword ptr [rbx+0x08], 0x00
      004b  setz al
      004e  movzx eax, al
      0051  mov [rbx], rax
   9: op_return
      0054  mov rdi, r15
      0057  mov rax, <return_compiled>
      0061  call rax
      0063  test rax, rax
      0066  jz 0x0097
      006c  mov rcx, [r15+0x28]
      0070  mov rbx, [rcx+0x08]
      0074  mov r13, rdx
      0077  mov rcx, [r15+0x20]
      007b  test rcx, rcx
      007e  jz 0x008c
      0084  mov r14, [rcx]
      0087  jmp 0x008f
      008c  xor r14d, r14d
      008f  jmp rax
out of line (hand-overs):
      0091  lea rax, [r13+0x2C]  ; hand over at @11
      0095  jmp 0x0019
      0097  lea rax, [r13+0x24]  ; hand over at @9
      009b  jmp 0x0019
      00a0  mov rax, [r15+0x08]
      00a4  mov rax, [rax+0x70]
      00a8  jmp 0x0019
data: 3 bytes (branch tables, padding)

